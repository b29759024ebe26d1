namespace Integreat.Lists.Core.Queues;

/// <summary>The names of the spool queues (Mailman's switchboards, Postfix's queue directories).</summary>
public static class QueueName
{
    /// <summary>Accepted by SMTP, not yet processed.</summary>
    public const string In = "in";
    /// <summary>Mail to <c>-request</c>, <c>-join</c>, <c>-leave</c>, <c>-confirm</c>, kept for the command runner.</summary>
    public const string Command = "command";
    /// <summary>Mail to <c>-bounces</c>, kept for the bounce runner.</summary>
    public const string Bounces = "bounces";
    /// <summary>Posts held for a moderator; each has a <see cref="Moderation.HeldPost"/> record of the same id.</summary>
    public const string Hold = "hold";
    /// <summary>Entries whose processing failed unexpectedly; a human inspects and requeues them.</summary>
    public const string Shunt = "shunt";

    /// <summary>Every queue, for listings.</summary>
    public static readonly IReadOnlyList<string> All = [In, Command, Bounces, Hold, Shunt];
}
