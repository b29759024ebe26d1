using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class BounceScoringTests
{
    static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
    readonly BounceOptions _options = new();
    readonly Member _member = Member.Create("bayern@lists.example.org", "erika@example.org", null, MemberRole.Member, Start);

    static DateTime Day(double days) => Start.AddDays(days);

    [Fact]
    public void A_permanent_bounce_scores_one_and_a_temporary_one_a_half()
    {
        Assert.Equal(1.0, BounceScoring.Weight(temporary: false, "5.1.1", "user unknown", _options));
        Assert.Equal(0.5, BounceScoring.Weight(temporary: true, "4.2.2", "mailbox full", _options));
    }

    [Theory]
    [InlineData("5.7.1", "Message rejected due to DMARC policy")]
    [InlineData("5.7.1", "Our system has detected that this message is likely unsolicited mail (spam)")]
    [InlineData("5.7.26", "Unauthenticated email from example.org is not accepted due to domain's DMARC policy")]
    public void A_policy_rejection_weighs_nothing_by_default(string status, string diagnostic)
    {
        Assert.True(BounceScoring.IsPolicy(status, diagnostic));
        Assert.Equal(0.0, BounceScoring.Weight(temporary: false, status, diagnostic, _options));
        Assert.Equal(BounceStep.Recorded, BounceScoring.Apply(_member, 0.0, Start, _options));
        Assert.Equal(0.0, _member.BounceScore);
    }

    [Theory]
    [InlineData("5.1.1", "Message rejected due to DMARC policy")]
    [InlineData("5.7.1", "Relaying denied")]
    public void Only_a_5_7_status_with_policy_wording_is_a_policy_rejection(string status, string diagnostic)
        => Assert.False(BounceScoring.IsPolicy(status, diagnostic));

    [Fact]
    public void The_policy_weight_is_a_setting()
    {
        _options.PolicyWeight = 0.25;

        Assert.Equal(0.25, BounceScoring.Weight(temporary: false, "5.7.1", "blocked by policy", _options));
    }

    [Fact]
    public void At_most_one_bounce_a_day_counts()
    {
        Assert.Equal(BounceStep.Scored, BounceScoring.Apply(_member, 1.0, Day(0), _options));
        Assert.Equal(BounceStep.Recorded, BounceScoring.Apply(_member, 1.0, Day(0.9), _options));
        Assert.Equal(BounceStep.Scored, BounceScoring.Apply(_member, 0.5, Day(1), _options));

        Assert.Equal(1.5, _member.BounceScore);
        Assert.Equal(Day(1), _member.LastBounceUtc);
    }

    [Fact]
    public void Seven_days_without_a_bounce_reset_the_score()
    {
        BounceScoring.Apply(_member, 1.0, Day(0), _options);
        BounceScoring.Apply(_member, 1.0, Day(1), _options);

        Assert.Equal(BounceStep.None, BounceScoring.Maintain(_member, Day(7.9), _options));
        Assert.Equal(BounceStep.ScoreReset, BounceScoring.Maintain(_member, Day(8), _options));
        Assert.Equal(0.0, _member.BounceScore);
    }

    [Fact]
    public void A_bounce_after_seven_quiet_days_starts_from_zero_even_before_maintenance_ran()
    {
        BounceScoring.Apply(_member, 1.0, Day(0), _options);
        BounceScoring.Apply(_member, 1.0, Day(1), _options);

        BounceScoring.Apply(_member, 0.5, Day(9), _options);

        Assert.Equal(0.5, _member.BounceScore);
    }

    [Fact]
    public void The_threshold_sends_one_probe_and_a_bounce_of_it_disables_delivery()
    {
        for (var day = 0; day < 4; day++) Assert.Equal(BounceStep.Scored, BounceScoring.Apply(_member, 1.0, Day(day), _options));

        Assert.Equal(BounceStep.ProbeDue, BounceScoring.Apply(_member, 1.0, Day(4), _options));
        Assert.Equal(Day(4), _member.ProbeSentUtc);
        Assert.Equal(BounceStep.Disabled, BounceScoring.Apply(_member, 1.0, Day(4.1), _options));

        Assert.Equal(DeliveryStatus.ByBounces, _member.Delivery);
        Assert.Equal(Day(4.1), _member.DisabledUtc);
        Assert.Null(_member.ProbeSentUtc);
    }

    [Fact]
    public void A_policy_rejection_of_the_probe_does_not_disable_delivery()
    {
        _member.BounceScore = 5;
        _member.ProbeSentUtc = Day(0);

        Assert.Equal(BounceStep.Recorded, BounceScoring.Apply(_member, 0.0, Day(0.5), _options));
        Assert.Equal(DeliveryStatus.Enabled, _member.Delivery);
    }

    [Fact]
    public void A_probe_without_a_bounce_within_the_wait_resets_the_score()
    {
        _member.BounceScore = 5;
        _member.LastBounceUtc = Day(0);
        _member.ProbeSentUtc = Day(0);

        Assert.Equal(BounceStep.None, BounceScoring.Maintain(_member, Day(2.9), _options));
        Assert.Equal(BounceStep.ProbePassed, BounceScoring.Maintain(_member, Day(3), _options));

        Assert.Equal((0.0, (DateTime?)null, DeliveryStatus.Enabled), (_member.BounceScore, _member.ProbeSentUtc, _member.Delivery));
    }

    [Fact]
    public void Three_warnings_seven_days_apart_then_removal()
    {
        BounceScoring.Disable(_member, DeliveryStatus.ByBounces, Day(0));

        Assert.Equal(BounceStep.Warn, BounceScoring.Maintain(_member, Day(0), _options));
        Assert.Equal(BounceStep.None, BounceScoring.Maintain(_member, Day(6.9), _options));
        Assert.Equal(BounceStep.Warn, BounceScoring.Maintain(_member, Day(7), _options));
        Assert.Equal(BounceStep.Warn, BounceScoring.Maintain(_member, Day(14), _options));
        Assert.Equal(3, _member.WarningsSent);
        Assert.Equal(BounceStep.None, BounceScoring.Maintain(_member, Day(20.9), _options));
        Assert.Equal(BounceStep.Remove, BounceScoring.Maintain(_member, Day(21), _options));
    }

    [Fact]
    public void A_disabled_member_is_not_scored_and_a_complaint_disabled_one_never_removed()
    {
        BounceScoring.Disable(_member, DeliveryStatus.ByComplaint, Day(0));

        Assert.Equal(BounceStep.Recorded, BounceScoring.Apply(_member, 1.0, Day(1), _options));
        Assert.Equal(BounceStep.None, BounceScoring.Maintain(_member, Day(100), _options));
        Assert.Equal(0.0, _member.BounceScore);
    }

    [Fact]
    public void Reset_enables_delivery_and_clears_the_state()
    {
        BounceScoring.Disable(_member, DeliveryStatus.ByBounces, Day(0));
        BounceScoring.Maintain(_member, Day(0), _options);

        BounceScoring.Reset(_member);

        Assert.Equal((DeliveryStatus.Enabled, 0.0, 0, (DateTime?)null), (_member.Delivery, _member.BounceScore, _member.WarningsSent, _member.DisabledUtc));
    }
}
