"""An evaluation folder: its model, how it is read, and its numbers."""
