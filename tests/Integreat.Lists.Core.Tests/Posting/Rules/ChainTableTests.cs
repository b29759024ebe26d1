using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Posting.Chains;
using Integreat.Lists.Core.Posting.Rules;
using Integreat.Lists.Core.Tests.Support;

namespace Integreat.Lists.Core.Tests.Posting.Rules;

public sealed class ChainTableTests
{
    static PostingDecision Run(PostingContext post) => ChainProcessor.Process(DefaultPostingChain.Links, post);

    [Fact]
    public void TheTableHasEveryRuleOnceInMailmansOrder()
    {
        Assert.Equal(["approved", "emergency", "loop", "auto-reply", "banned-address", "duplicate", "dmarc-fail", "member-moderation",
            "nonmember-moderation", "administrivia", "implicit-destination", "max-recipients", "max-size", "no-subject",
            "suspicious-header", "content-filter", "any"], DefaultPostingChain.Links.Select(l => l.Name));
        Assert.All(DefaultPostingChain.Links.Where(l => l.Rule is not null), l => Assert.False(string.IsNullOrWhiteSpace(l.Rule!.Description)));
    }

    [Fact]
    public void AGoodMemberPostIsAcceptedWithEveryRuleAMiss()
    {
        var decision = Run(Posts.Make());

        Assert.Equal(Disposition.Accept, decision.Disposition);
        Assert.Equal("accept", decision.Rule);
        Assert.Empty(decision.Hits);
        Assert.Equal(16, decision.Misses.Count);
    }

    [Fact]
    public void DeferredHitsAreAllCollectedThenHeld()
    {
        var decision = Run(Posts.Make(TestLists.Bayern(), ["To: erika@example.org", "Subject: "], size: 6 * 1024 * 1024));

        Assert.Equal(Disposition.Hold, decision.Disposition);
        Assert.Equal(["implicit-destination", "max-size", "no-subject"], decision.Hits);
        Assert.Equal("implicit-destination,max-size,no-subject", decision.Rule);
        Assert.Equal(3, decision.Reasons.Count);
    }

    [Fact]
    public void TheApprovalPassphraseWinsOverEverythingAfterIt()
    {
        var list = TestLists.Bayern(l =>
        {
            l.Posting.ApprovalPassphraseHash = Convert.ToHexStringLower(ApprovedRule.Hash("geheim"));
            l.Posting.Emergency = true;
        });

        var decision = Run(Posts.Make(list, ["Approved: geheim", "From: fremd@example.com", "Subject: "], envelopeSender: "fremd@example.com"));

        Assert.Equal(Disposition.Accept, decision.Disposition);
        Assert.Equal("approved", decision.Rule);
    }

    [Fact]
    public void EmergencyHoldsEvenAMemberPost()
    {
        var decision = Run(Posts.Make(TestLists.Bayern(l => l.Posting.Emergency = true), []));

        Assert.Equal((Disposition.Hold, "emergency"), (decision.Disposition, decision.Rule));
    }

    [Fact]
    public void ABannedMemberIsDiscardedBeforeMembershipCounts()
    {
        var decision = Run(Posts.Make(TestLists.Bayern(l => l.Posting.BannedAddresses.Add("erika@example.org")), []));

        Assert.Equal((Disposition.Discard, "banned-address"), (decision.Disposition, decision.Rule));
    }

    [Fact]
    public void ADuplicateIsDiscarded()
    {
        var decision = Run(Posts.Make(TestLists.Bayern(), ["Message-ID: <x@example.org>"], posted: _ => true));

        Assert.Equal((Disposition.Discard, "duplicate"), (decision.Disposition, decision.Rule));
    }

    [Fact]
    public void AModeratedMemberIsHeldBeforeTheDeferredRules()
    {
        var decision = Run(Posts.Make(TestLists.Bayern(), ["From: max@example.org", "Subject: "], envelopeSender: "max@example.org"));

        Assert.Equal((Disposition.Hold, "member-moderation"), (decision.Disposition, decision.Rule));
    }

    [Fact]
    public void AnAcceptedNonmemberSkipsTheDeferredRules()
    {
        var list = TestLists.Bayern(l => l.Posting.NonmemberAccept.Add("fremd@example.com"));

        var decision = Run(Posts.Make(list, ["From: fremd@example.com", "Subject: "], envelopeSender: "fremd@example.com"));

        Assert.Equal((Disposition.Accept, "nonmember-moderation"), (decision.Disposition, decision.Rule));
    }

    [Fact]
    public void ANonmemberToAHoldListIsHeldWithAReadableReason()
    {
        var list = TestLists.Bayern(l => l.NonmemberAction = NonmemberAction.Hold);

        var decision = Run(Posts.Make(list, ["From: Fremd <fremd@example.com>"], envelopeSender: "fremd@example.com"));

        Assert.Equal(Disposition.Hold, decision.Disposition);
        Assert.Equal("fremd@example.com ist kein Mitglied der Liste. / fremd@example.com is not a member of bayern@lists.integreat.example",
            Assert.Single(decision.Reasons));
    }
}
