"""parindex — self-score the Vietnamese Public Administration Reform Index (Chỉ số CCHC)."""

__version__ = "0.1.0"
