"""Loading user files into validated models, and writing outputs atomically."""
