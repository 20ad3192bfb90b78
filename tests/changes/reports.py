"""Short invented reports about one invented person, read one after another to make change records."""

DETAINED = b"""Baker held in Ostrel

The baker Tomas Vireny was detained in Ostrel on March 3, 2026, and taken to Ostrel Central Prison, the Lantern \
Rights Group said.
"""
SENTENCED = b"""Ostrel baker sentenced to death

Tomas Vireny, a baker from Ostrel, was sentenced to death by the Ostrel Revolutionary Court on April 10, 2026, the \
Brightwater Human Rights Centre said in a statement.
"""
AGE_41 = b"""Ostrel baker still held

Tomas Vireny, 41, remains in Ostrel Central Prison, the Lantern Rights Group said on April 12, 2026.
"""
AGE_44 = b"""Baker in Ostrel prison

Tomas Vireny, 44, was moved to Ostrel Central Prison, his lawyer said on April 14, 2026.
"""

