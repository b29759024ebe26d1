namespace Integreat.Lists.Core.Model;

/// <summary>One roster change in the audit log: who, when, through which channel, which command, with what result.</summary>
public sealed class AuditEntry
{
    /// <summary>The storage key: sortable by time, unique.</summary>
    public string Id { get; set; } = "";

    /// <summary>The list's posting address (normalised).</summary>
    public string List { get; set; } = "";

    /// <summary>When it happened (UTC).</summary>
    public DateTime TimeUtc { get; set; }

    /// <summary>Who caused it: the confirming address for mail, <c>cli</c> for the command line.</summary>
    public string Actor { get; set; } = "";

    /// <summary>How it came: <c>mail</c>, <c>cli</c> (later <c>web</c>).</summary>
    public string Channel { get; set; } = "";

    /// <summary>The command, e.g. <c>join erika@example.org</c> or <c>add neu@example.org</c>.</summary>
    public string Command { get; set; } = "";

    /// <summary>The result, e.g. <c>added</c>, <c>removed</c>, <c>awaiting approval</c>.</summary>
    public string Result { get; set; } = "";

    static long _sequence;

    /// <summary>Creates an entry with a fresh key.</summary>
    public static AuditEntry Create(string list, DateTime timeUtc, string actor, string channel, string command, string result) => new()
    {
        // The sequence keeps entries of the same instant (a coarse or fake clock) in the order they were made.
        Id = timeUtc.ToString("yyyyMMdd'T'HHmmss.fffffff", System.Globalization.CultureInfo.InvariantCulture)
             + "-" + Interlocked.Increment(ref _sequence).ToString("D12", System.Globalization.CultureInfo.InvariantCulture)
             + "-" + Guid.NewGuid().ToString("N")[..8],
        List = list, TimeUtc = timeUtc, Actor = actor, Channel = channel, Command = command, Result = result,
    };
}
