using System.Text.RegularExpressions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Bounces;

/// <summary>The bounce-score rules for one member of one list (Mailman's bounce score, with a probe before disabling):
/// pure functions over a <see cref="Member"/>'s bounce fields, which they change in place.</summary>
/// <remarks>All times are UTC. The caller saves the member and sends what the returned <see cref="BounceStep"/> implies.</remarks>
public static partial class BounceScoring
{
    /// <summary>The weight of a failure: <see cref="BounceOptions.PolicyWeight"/> for a 5.7.x rejection whose text speaks
    /// of policy, DMARC or spam; else permanent or temporary by the status class (class 4 is temporary).</summary>
    /// <param name="temporary">True when the report classified the failure as temporary.</param>
    /// <param name="status">The RFC 3463 status or reply code; may be null.</param>
    /// <param name="diagnostic">The diagnostic text; may be null.</param>
    /// <param name="options">The weights.</param>
    public static double Weight(bool temporary, string? status, string? diagnostic, BounceOptions options)
    {
        if (IsPolicy(status, diagnostic)) return options.PolicyWeight;
        return temporary ? options.TemporaryWeight : options.PermanentWeight;
    }

    /// <summary>True for a 5.7.x status (RFC 3463 §3.8, security or policy) whose diagnostic names policy, DMARC, spam,
    /// a block list or reputation: a rejection of the message or of us, not a statement about the mailbox.</summary>
    public static bool IsPolicy(string? status, string? diagnostic)
        => status is not null && status.StartsWith("5.7.", StringComparison.Ordinal) && PolicyWords().IsMatch(diagnostic ?? "");

    /// <summary>Applies one bounce of <paramref name="weight"/> at <paramref name="at"/> to <paramref name="member"/>.</summary>
    /// <returns><see cref="BounceStep.Disabled"/> when a probe was pending, <see cref="BounceStep.ProbeDue"/> when the
    /// score reached <see cref="BounceOptions.Threshold"/>, <see cref="BounceStep.Scored"/> or <see cref="BounceStep.Recorded"/>.</returns>
    public static BounceStep Apply(Member member, double weight, DateTime at, BounceOptions options)
    {
        if (member.Delivery != DeliveryStatus.Enabled || weight <= 0) return BounceStep.Recorded;
        if (member.ProbeSentUtc is { } probe && at >= probe)
        {
            Disable(member, DeliveryStatus.ByBounces, at);
            return BounceStep.Disabled;
        }
        if (member.LastBounceUtc is { } last)
        {
            if (at - last >= options.ResetAfter) member.BounceScore = 0;
            else if (at - last < options.ScoreInterval) return BounceStep.Recorded;
        }
        member.BounceScore += weight;
        member.LastBounceUtc = at;
        if (member.BounceScore < options.Threshold || member.ProbeSentUtc is not null) return BounceStep.Scored;
        member.ProbeSentUtc = at;
        return BounceStep.ProbeDue;
    }

    /// <summary>The timed step due for <paramref name="member"/> at <paramref name="now"/>: a probe that passed, a score
    /// that decayed, the next warning, or removal.</summary>
    public static BounceStep Maintain(Member member, DateTime now, BounceOptions options)
    {
        switch (member.Delivery)
        {
            case DeliveryStatus.Enabled when member.ProbeSentUtc is { } probe:
                if (now - probe < options.ProbeWait) return BounceStep.None;
                Reset(member);
                return BounceStep.ProbePassed;
            case DeliveryStatus.Enabled when member.BounceScore > 0 && member.LastBounceUtc is { } last && now - last >= options.ResetAfter:
                member.BounceScore = 0;
                return BounceStep.ScoreReset;
            case DeliveryStatus.ByBounces:
                var since = member.LastWarningUtc ?? member.DisabledUtc ?? now;
                if (member.WarningsSent < options.Warnings && (member.LastWarningUtc is null || now - since >= options.WarningInterval))
                {
                    member.WarningsSent++;
                    member.LastWarningUtc = now;
                    return BounceStep.Warn;
                }
                return member.WarningsSent >= options.Warnings && now - since >= options.WarningInterval ? BounceStep.Remove : BounceStep.None;
            default:
                return BounceStep.None;
        }
    }

    /// <summary>Disables delivery to <paramref name="member"/> for <paramref name="reason"/> at <paramref name="at"/>.</summary>
    public static void Disable(Member member, DeliveryStatus reason, DateTime at)
    {
        member.Delivery = reason;
        member.DisabledUtc = at;
        member.ProbeSentUtc = null;
        member.WarningsSent = 0;
        member.LastWarningUtc = null;
    }

    /// <summary>Enables delivery and clears the score, the probe and the warnings (<c>enable</c>, <c>bounces reset</c>).</summary>
    public static void Reset(Member member)
    {
        member.Delivery = DeliveryStatus.Enabled;
        member.BounceScore = 0;
        member.ProbeSentUtc = null;
        member.DisabledUtc = null;
        member.WarningsSent = 0;
        member.LastWarningUtc = null;
    }

    [GeneratedRegex(@"policy|dmarc|spam|block ?list|black ?list|blocked|reputation|\bspf\b|dkim|content", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyWords();
}
