"""Pathway plans, reviews, contacts, actions and the health passport."""
