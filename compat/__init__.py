"""gnet's conformance suite: each scenario runs in Node and in gnet; the traces must match."""
