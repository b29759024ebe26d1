using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Carries out what <see cref="BounceScoring"/> decides: saves the member, sends the probe (VERP-tagged), the
/// warnings and the owner notices, removes the member, and writes the audit log.</summary>
/// <remarks>Mail goes to the member or the owners only, never to the sender of a bounce (RFC 3834). Mail to a member
/// carries the member's VERP envelope sender, so its own bounce names the member.</remarks>
public sealed class BounceActions(
    IRosterRepository roster,
    IBounceEventStore events,
    IAuditLog audit,
    DeliveryHandoff handoff,
    ITemplateRenderer templates,
    IOptions<BounceOptions> options,
    TimeProvider time,
    ILogger<BounceActions> logger,
    IListMetrics? metrics = null)
{
    /// <summary>The audit channel and actor of bounce processing.</summary>
    public const string Channel = "bounces";

    readonly BounceOptions _options = options.Value;

    /// <summary>The settings in use.</summary>
    public BounceOptions Options => _options;

    /// <summary>Applies <paramref name="bounce"/> (already recorded) of <paramref name="weight"/> to <paramref name="member"/>
    /// and sends what follows from it.</summary>
    public BounceStep Score(MailingList list, Member member, BounceEvent bounce, double weight)
    {
        var step = BounceScoring.Apply(member, weight, bounce.TimeUtc, _options);
        roster.Update(member);
        logger.BounceScored(bounce.MessageId, list.Address, member.Address, bounce.Kind, bounce.Dsn, weight, member.BounceScore, step.ToString());
        if (step == BounceStep.ProbeDue) ToMember(list, member.Address, "probe", BounceNotices.Probe(templates, list, member.Address, time));
        if (step == BounceStep.Disabled)
        {
            Audit(list, member.Address, "disable " + member.Address, "delivery disabled by bounces");
            Maintain(list, member, Now);
        }
        return step;
    }

    /// <summary>Runs the timed step due for <paramref name="member"/> at <paramref name="now"/>.</summary>
    public BounceStep Maintain(MailingList list, Member member, DateTime now)
    {
        var step = BounceScoring.Maintain(member, now, _options);
        if (step == BounceStep.None) return step;
        logger.BounceStep(list.Address, member.Address, step.ToString(), member.BounceScore);
        if (step == BounceStep.Remove)
        {
            Remove(list, member);
            return step;
        }
        roster.Update(member);
        if (step == BounceStep.Warn)
        {
            var removal = member.LastWarningUtc!.Value + (_options.Warnings - member.WarningsSent + 1) * _options.WarningInterval;
            ToMember(list, member.Address, "warning",
                BounceNotices.Warning(templates, list, member.Address, member.WarningsSent, _options.Warnings, removal, time));
        }
        return step;
    }

    /// <summary>Enables delivery to <paramref name="member"/> again and clears its bounce state.</summary>
    /// <param name="list">The list.</param>
    /// <param name="member">The roster entry.</param>
    /// <param name="actor">Who asked: the member's address for mail, <c>cli</c> for the command line.</param>
    /// <param name="channel"><c>mail</c> or <c>cli</c>.</param>
    public void Reset(MailingList list, Member member, string actor, string channel)
    {
        var wasDisabled = member.Delivery != DeliveryStatus.Enabled;
        BounceScoring.Reset(member);
        roster.Update(member);
        audit.Add(AuditEntry.Create(list.Address, Now, actor, channel, "enable " + member.Address,
            wasDisabled ? "delivery enabled" : "bounce score reset"));
    }

    /// <summary>Records a spam complaint (ARF) about <paramref name="member"/>, disables delivery when
    /// <see cref="BounceOptions.DisableOnComplaint"/> is set, and tells the owners.</summary>
    /// <param name="list">The list.</param>
    /// <param name="member">The roster entry the report names, or null when it names no member.</param>
    /// <param name="bounce">The complaint, already recorded.</param>
    /// <param name="feedbackType">The report's <c>Feedback-Type</c>.</param>
    public void Complaint(MailingList list, Member? member, BounceEvent bounce, string feedbackType)
    {
        var disable = _options.DisableOnComplaint && member is { Delivery: DeliveryStatus.Enabled };
        if (disable)
        {
            BounceScoring.Disable(member!, DeliveryStatus.ByComplaint, bounce.TimeUtc);
            roster.Update(member!);
            Audit(list, member!.Address, "disable " + member.Address, "delivery disabled by a complaint");
        }
        logger.Complaint(bounce.MessageId, list.Address, bounce.Address, feedbackType, disable);
        ToOwners(list, owners => BounceNotices.Complaint(templates, list, owners, bounce.Address, feedbackType, disable, time));
    }

    /// <summary>Records <paramref name="bounce"/> as scored, so the delivery-event pass does not score it again.</summary>
    public void Record(BounceEvent bounce)
    {
        bounce.Scored = true;
        events.Add(bounce);
        (metrics ?? NoListMetrics.Instance).BounceRecorded(bounce.List);
    }

    DateTime Now => time.GetUtcNow().UtcDateTime;

    void Remove(MailingList list, Member member)
    {
        roster.Remove(list.Address, member.Address);
        Audit(list, member.Address, "remove " + member.Address, $"removed after {member.WarningsSent} unanswered warnings");
        ToOwners(list, owners => BounceNotices.Removed(templates, list, owners, member.Address, member.WarningsSent, time));
    }

    void Audit(MailingList list, string member, string command, string result)
        => audit.Add(AuditEntry.Create(list.Address, Now, Channel, Channel, command, result));

    void ToMember(MailingList list, string member, string kind, OutgoingMail mail)
        => Hand(list, kind, VerpAddress.Encode(list.Addresses.Bounces, member), mail);

    void ToOwners(MailingList list, Func<IReadOnlyList<string>, OutgoingMail> compose)
    {
        var owners = roster.OwnersOf(list.Address);
        if (owners.Count == 0)
        {
            logger.NoOwner(list.Address);
            return;
        }
        Hand(list, "owners", list.Addresses.Bounces, compose(owners));
    }

    void Hand(MailingList list, string kind, string sender, OutgoingMail mail)
        => handoff.Hand($"bounce-{kind}-{Guid.NewGuid():N}", list, mail.MessageId, sender, mail.Recipients, mail.Bytes);
}
