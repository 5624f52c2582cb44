"""Charts of how many young people share a persona's characteristics."""
