"""crm-readiness: is this company ready to implement a CRM?

Public API: the engines take validated models and return result models; the
command line (``crm-readiness``) is a thin shell over them. Sub-packages:
``models`` (pydantic models), ``engine`` (pure computation), ``io`` (loading
user files, atomic writes), ``render`` (report formats), ``cli`` (Typer).
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
