"""Cypher files shipped as package data (see kg/cypher.py)."""
