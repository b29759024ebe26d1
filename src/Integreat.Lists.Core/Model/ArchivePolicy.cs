namespace Integreat.Lists.Core.Model;

/// <summary>Who may read a list's archive (Mailman 3's <c>archive_policy</c>: public, private, never).</summary>
/// <remarks><see cref="Members"/> is the first value, so a list stored before archiving existed reads as members-only.</remarks>
public enum ArchivePolicy
{
    /// <summary>Posts are archived; only signed-in members of the list may read them (the default).</summary>
    Members,

    /// <summary>Posts are archived and anyone may read them.</summary>
    Public,

    /// <summary>Nothing is archived and there are no archive pages.</summary>
    Off,
}
