"""Adapters: each turns a platform's payloads into Inbounds and Messages into its UI."""
