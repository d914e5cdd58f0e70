"""Pydantic v2 models: user files (checklists, answers, profile, …) and result models."""
