"""Pure computation over validated models: no printing, prompting or file access."""
