namespace Integreat.Lists.Core.Archiving;

/// <summary>Settings of section <c>Archive</c>: how archive pages show senders and how posts join threads. Whether a
/// list is archived, and for how long, is the list's own setting (<c>lists set --archive</c>).</summary>
public sealed class ArchiveOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Archive";

    /// <summary><see cref="SenderAddress"/>: pages show the sender's name only.</summary>
    public const string Hidden = "hidden";

    /// <summary><see cref="SenderAddress"/>: pages show the address as <c>erika at example.org</c>.</summary>
    public const string Obfuscated = "obfuscated";

    /// <summary><see cref="Hidden"/> (default) or <see cref="Obfuscated"/>. A sender without a name is shown as the
    /// address's local part when hidden.</summary>
    public string SenderAddress { get; set; } = Hidden;

    /// <summary>A post without a known parent (In-Reply-To, References) joins the newest thread of the same subject
    /// (without Re:/AW:/Fwd:/WG: and the list prefix) started within this time; zero turns the fallback off.</summary>
    public TimeSpan SubjectThreadWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Search results per page.</summary>
    public int SearchPageSize { get; set; } = 20;
}
