namespace Integreat.Lists.Core.Commands;

/// <summary>The result of one admin command.</summary>
/// <param name="German">The outcome in German, short (e.g. "aufgenommen").</param>
/// <param name="English">The outcome in English, short (e.g. "added").</param>
/// <param name="Changed">True when the roster changed.</param>
public sealed record AdminOutcome(string German, string English, bool Changed);
