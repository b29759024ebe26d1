namespace Integreat.Lists.Storage;

/// <summary>The store was written by a newer Integreat.Lists than this one: it is left untouched.</summary>
public sealed class StoreVersionException(string message) : IOException(message);
