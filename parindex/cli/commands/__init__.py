"""One module per command; each imports its heavy dependencies inside the command, so start-up stays fast."""
