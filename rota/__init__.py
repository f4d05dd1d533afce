"""The PA duty rota: shifts, swaps, leave, coverage and the duty log."""
