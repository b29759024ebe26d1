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
    readonly Lock _gate = new();

    /// <summary>The settings in use.</summary>
    public BounceOptions Options => _options;

    /// <summary>Applies <paramref name="bounce"/> (already recorded) of <paramref name="weight"/> to <paramref name="member"/>
    /// and sends what follows from it.</summary>
    /// <returns>The step taken; <see cref="BounceStep.None"/> when the member has left the roster meanwhile.</returns>
    public BounceStep Score(MailingList list, Member member, BounceEvent bounce, double weight)
    {
        lock (_gate)
        {
            if (Fresh(list, member) is not { } current) return BounceStep.None;
            var step = BounceScoring.Apply(current, weight, bounce.TimeUtc, _options);
            roster.Update(current);
            logger.BounceScored(bounce.MessageId, list.Address, current.Address, bounce.Kind, bounce.Dsn, weight, current.BounceScore, step.ToString());
            if (step == BounceStep.ProbeDue) ToMember(list, current.Address, "probe", BounceNotices.Probe(templates, list, current.Address, time));
            if (step == BounceStep.Disabled)
            {
                Audit(list, current.Address, "disable " + current.Address, "delivery disabled by bounces");
                MaintainCurrent(list, current, Now);
            }
            return step;
        }
    }

    /// <summary>Runs the timed step due for <paramref name="member"/> at <paramref name="now"/>.</summary>
    public BounceStep Maintain(MailingList list, Member member, DateTime now)
    {
        lock (_gate) return Fresh(list, member) is { } current ? MaintainCurrent(list, current, now) : BounceStep.None;
    }

    /// <summary>The member as stored now: the runners and the command runner change members concurrently, and a save
    /// writes the whole entry, so every change starts from the stored one.</summary>
    Member? Fresh(MailingList list, Member member) => roster.Find(list.Address, member.Address);

    BounceStep MaintainCurrent(MailingList list, Member member, DateTime now)
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
    /// <param name="command">The command for the audit log, e.g. <c>enable erika@example.org</c>.</param>
    public void Reset(MailingList list, Member member, string actor, string channel, string command)
    {
        lock (_gate)
        {
            if (Fresh(list, member) is not { } current) return;
            var wasDisabled = current.Delivery != DeliveryStatus.Enabled;
            BounceScoring.Reset(current);
            roster.Update(current);
            audit.Add(AuditEntry.Create(list.Address, Now, actor, channel, command, wasDisabled ? "delivery enabled" : "bounce score reset"));
        }
    }

    /// <summary>Records a spam complaint (ARF) about <paramref name="member"/>, disables delivery when
    /// <see cref="BounceOptions.DisableOnComplaint"/> is set, and tells the owners.</summary>
    /// <param name="list">The list.</param>
    /// <param name="member">The roster entry the report names, or null when it names no member.</param>
    /// <param name="bounce">The complaint, already recorded.</param>
    /// <param name="feedbackType">The report's <c>Feedback-Type</c>.</param>
    public void Complaint(MailingList list, Member? member, BounceEvent bounce, string feedbackType)
    {
        var disable = false;
        lock (_gate)
        {
            if (_options.DisableOnComplaint && member is not null && Fresh(list, member) is { Delivery: DeliveryStatus.Enabled } current)
            {
                BounceScoring.Disable(current, DeliveryStatus.ByComplaint, bounce.TimeUtc);
                roster.Update(current);
                Audit(list, current.Address, "disable " + current.Address, "delivery disabled by a complaint");
                disable = true;
            }
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
