"""``python -m crm_readiness`` runs the command line."""

from crm_readiness.cli.main import main

if __name__ == "__main__":
    main()
