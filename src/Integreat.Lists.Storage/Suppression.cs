namespace Integreat.Lists.Storage;

/// <summary>One forgotten address: only the SHA-256 of the normalised address (collection <c>suppressions</c>).</summary>
public sealed class Suppression
{
    /// <summary>The hash, lower-case hex.</summary>
    public string Id { get; set; } = "";

    /// <summary>When the address was forgotten.</summary>
    public DateTime SinceUtc { get; set; }
}
