using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Posting.Rules;
using Integreat.Lists.Core.Tests.Support;

namespace Integreat.Lists.Core.Tests.Posting.Rules;

public sealed class ModerationRulesTests
{
    static MailingList WithPassphrase(string passphrase)
        => TestLists.Bayern(l => l.Posting.ApprovalPassphraseHash = Convert.ToHexStringLower(ApprovedRule.Hash(passphrase)));

    [Theory]
    [InlineData("Approved: Geheim 42")]
    [InlineData("X-Approved:   Geheim 42 ")]
    [InlineData("approve: Geheim 42")]
    public void ApprovedMatchesTheListsPassphraseInAnyApprovalField(string header)
    {
        var post = Posts.Make(WithPassphrase("Geheim 42"), [header]);

        Assert.True(new ApprovedRule().Check(post));
        Assert.Single(post.Reasons);
    }

    [Theory]
    [InlineData("Approved: geheim 42")]
    [InlineData("Approved: ")]
    [InlineData("Subject: Geheim 42")]
    public void ApprovedMissesAWrongOrMissingPassphrase(string header)
    {
        Assert.False(new ApprovedRule().Check(Posts.Make(WithPassphrase("Geheim 42"), [header])));
    }

    [Fact]
    public void ApprovedNeverMatchesWithoutAPassphrase()
    {
        Assert.False(new ApprovedRule().Check(Posts.Make("Approved: ")));
    }

    [Fact]
    public void EmergencyHoldsOnlyWhenSwitchedOn()
    {
        Assert.False(new EmergencyRule().Check(Posts.Make()));
        var post = Posts.Make(TestLists.Bayern(l => l.Posting.Emergency = true), []);
        Assert.True(new EmergencyRule().Check(post));
        Assert.Contains("Emergency", Assert.Single(post.Reasons));
    }

    [Theory]
    [InlineData("erika@example.org")]
    [InlineData("ERIKA@example.org")]
    [InlineData("^.*@example\\.org$")]
    public void BannedAddressMatchesExactOrRegexPatterns(string pattern)
    {
        var post = Posts.Make(TestLists.Bayern(l => l.Posting.BannedAddresses.Add(pattern)), []);

        Assert.True(new BannedAddressRule().Check(post));
        Assert.Contains(pattern, Assert.Single(post.Reasons));
    }

    [Theory]
    [InlineData("erika@example.org.evil")]
    [InlineData("^(a+)+$")]
    [InlineData("^[")]
    public void BannedAddressIgnoresOtherAndBrokenPatterns(string pattern)
    {
        Assert.False(new BannedAddressRule().Check(Posts.Make(TestLists.Bayern(l => l.Posting.BannedAddresses.Add(pattern)), [])));
    }

    [Fact]
    public void MemberModerationHoldsAModeratedMemberOnly()
    {
        Assert.False(new MemberModerationRule().Check(Posts.Make()));
        var post = Posts.Make(TestLists.Bayern(), ["From: Max <max@example.org>"], envelopeSender: "max@example.org");
        Assert.True(new MemberModerationRule().Check(post));
        Assert.Equal(Disposition.Hold, post.ModerationAction);
    }

    [Theory]
    [InlineData(NonmemberAction.Reject, Disposition.Reject)]
    [InlineData(NonmemberAction.Hold, Disposition.Hold)]
    [InlineData(NonmemberAction.Discard, Disposition.Discard)]
    [InlineData(NonmemberAction.Accept, Disposition.Accept)]
    public void NonmemberModerationUsesTheListsAction(NonmemberAction action, Disposition expected)
    {
        var post = Posts.Make(TestLists.Bayern(l => l.NonmemberAction = action), ["From: fremd@example.com"], envelopeSender: "fremd@example.com");

        Assert.True(new NonmemberModerationRule().Check(post));
        Assert.Equal(expected, post.ModerationAction);
        Assert.Contains("fremd@example.com", Assert.Single(post.Reasons));
    }

    [Fact]
    public void NonmemberPatternsComeBeforeTheListsActionInAcceptHoldRejectDiscardOrder()
    {
        var list = TestLists.Bayern(l =>
        {
            l.NonmemberAction = NonmemberAction.Reject;
            l.Posting.NonmemberDiscard.Add("^.*@example\\.com$");
            l.Posting.NonmemberAccept.Add("vorstand@example.com");
        });

        var accepted = Posts.Make(list, ["From: vorstand@example.com"], envelopeSender: "vorstand@example.com");
        var discarded = Posts.Make(list, ["From: spam@example.com"], envelopeSender: "spam@example.com");
        new NonmemberModerationRule().Check(accepted);
        new NonmemberModerationRule().Check(discarded);

        Assert.Equal(Disposition.Accept, accepted.ModerationAction);
        Assert.Equal(Disposition.Discard, discarded.ModerationAction);
    }

    [Fact]
    public void NonmemberModerationMissesAMember()
    {
        Assert.False(new NonmemberModerationRule().Check(Posts.Make()));
    }
}
