namespace Integreat.Lists.Core.Delivering;

/// <summary>The next hop could not be reached or the connection broke; every recipient of the transaction is
/// treated as a temporary failure (RFC 5321 §4.5.4.1: retry later).</summary>
public sealed class TransportException(string message, Exception? inner = null) : Exception(message, inner);
