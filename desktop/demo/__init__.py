"""The embedded demo: an IMAP server and an SMTP sink in this process, a seeded department mailbox, a keyring kept in
memory and a store set up for it, so ``loket demo`` needs nothing installed and nothing from the network."""
