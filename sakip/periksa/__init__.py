"""Consistency checks in the app: a unit's stored data, acceptances of findings, exports."""
