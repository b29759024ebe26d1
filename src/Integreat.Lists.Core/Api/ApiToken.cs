namespace Integreat.Lists.Core.Api;

/// <summary>A token of the REST API (<c>/api/v1</c>), as stored: the secret only as its SHA-256.</summary>
public sealed class ApiToken
{
    /// <summary>The public id (<c>t</c> and 10 lower-case hex digits); the first part of the bearer string.</summary>
    public string Id { get; set; } = "";

    /// <summary>A name for people (<c>--name</c>), e.g. the system that uses it; may be empty.</summary>
    public string Name { get; set; } = "";

    /// <summary>The list (posting address) the token may act on; empty for a site-wide token (every list).</summary>
    public string List { get; set; } = "";

    /// <summary>SHA-256 of the secret, lower-case hex. The secret has 256 random bits, so a plain hash suffices.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>When the token was made (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>True when the token may act on <paramref name="list"/> (its own list, or any list when site-wide).</summary>
    public bool Covers(string list) => List.Length == 0 || string.Equals(List, list, StringComparison.OrdinalIgnoreCase);

    /// <summary>Who acted, for the audit log: <c>token:ID</c> and the name when there is one.</summary>
    public string Actor() => Name.Length == 0 ? "token:" + Id : $"token:{Id} ({Name})";
}
