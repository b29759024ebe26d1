using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Posting;

public sealed class PostingPolicyTests
{
    // Ordinal on purpose: the policy must hand the roster normalised (lower-case) addresses.
    static readonly HashSet<string> Roster = new(StringComparer.Ordinal) { "erika@example.org", "heinz@example.org" };
    readonly List<string> _asked = [];

    PostingDecision Decide(MailingList list, string envelopeSender, params string[] headerLines)
    {
        HeaderList headers = Wire.Headers([.. headerLines, "To: bayern@lists.integreat.example", "Subject: Treffen"]);
        return new PostingPolicy().Decide(list, headers, envelopeSender, a =>
        {
            _asked.Add(a);
            return Roster.Contains(a);
        });
    }

    [Theory]
    [InlineData("From: erika@example.org")]
    [InlineData("From: ERIKA@Example.ORG")]
    [InlineData("From: Erika Mustermann <Erika@Example.org>")]
    [InlineData("From: \"Mustermann, Erika\" <erika@example.org>")]
    [InlineData("From: =?utf-8?q?Erika_M=C3=BCller?= <erika@example.org>")]
    [InlineData("From: max@example.net, Erika <erika@example.org>")]
    public void AMemberInFromIsAccepted(string from)
    {
        var decision = Decide(TestLists.Bayern(), "srs0=abcd=xy=example.org=erika@forwarder.example.net", from);

        Assert.Equal(Disposition.Accept, decision.Disposition);
        Assert.Equal("accept", decision.Rule);
        Assert.NotEmpty(_asked);
        Assert.All(_asked, a => Assert.Equal(a.ToLowerInvariant(), a));
    }

    [Fact]
    public void AMemberWhoseEncodedNameHoldsACommaIsAccepted()
    {
        var decision = Decide(TestLists.Bayern(), "bounce-7781@mailer.example.net",
            "From: =?utf-8?q?M=C3=BCller=2C_Heinz?= <heinz@example.org>");

        Assert.Equal(Disposition.Accept, decision.Disposition);
        Assert.Equal("accept", decision.Rule);
    }

    [Fact]
    public void AMemberWhoseEncodedNameHoldsASemicolonIsAccepted()
    {
        // An encoded-word is text (RFC 2047 §5): once decoded, its ';' must not be read as address syntax.
        var decision = Decide(TestLists.Bayern(), "bounce-7781@mailer.example.net",
            "From: =?utf-8?q?M=C3=BCller=3B_Heinz?= <heinz@example.org>");

        Assert.Equal(Disposition.Accept, decision.Disposition);
        Assert.Equal("accept", decision.Rule);
    }

    [Fact]
    public void AnAddressInsideAnEncodedDisplayNameIsNoSender()
    {
        // A group rewrites From: to "NAME <ADDRESS> via GROUP" <group@...>; only the real mailbox counts.
        var headers = Wire.Headers(
            "From: =?utf-8?q?J=C3=BCrgen_=3Cerika=40example.org=3E_via_Vorstand?= <vorstand@groups.example>",
            "Subject: Treffen");

        Assert.Equal(["vorstand@groups.example"], PostingPolicy.Senders(headers, ""));
        var decision = new PostingPolicy().Decide(TestLists.Bayern(), headers, "vorstand+bncs@groups.example", Roster.Contains);
        Assert.Equal(Disposition.Reject, decision.Disposition);
    }

    [Theory]
    [InlineData("erika@example.org")]
    [InlineData("Erika@EXAMPLE.org")]
    public void AMemberAsEnvelopeSenderOnlyIsAccepted(string envelopeSender)
    {
        var decision = Decide(TestLists.Bayern(), envelopeSender, "From: Vorstand <vorstand@verein.example>");

        Assert.Equal(Disposition.Accept, decision.Disposition);
        Assert.Equal("accept", decision.Rule);
    }

    [Theory]
    [InlineData(NonmemberAction.Reject, Disposition.Reject)]
    [InlineData(NonmemberAction.Discard, Disposition.Discard)]
    [InlineData(NonmemberAction.Accept, Disposition.Accept)]
    [InlineData(NonmemberAction.Hold, Disposition.Hold)]
    public void ANonmemberGetsTheListsNonmemberAction(NonmemberAction action, Disposition expected)
    {
        var decision = Decide(TestLists.Bayern(l => l.NonmemberAction = action), "spam@example.com", "From: Fremd <fremd@example.com>");

        Assert.Equal(expected, decision.Disposition);
        Assert.Equal("nonmember-moderation", decision.Rule);
        Assert.Contains("fremd@example.com", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullSenderPostIsDiscardedAsABounceEvenFromAMember()
    {
        var decision = Decide(TestLists.Bayern(), "", "From: Erika <erika@example.org>");

        Assert.Equal(Disposition.Discard, decision.Disposition);
        Assert.Equal("auto-reply", decision.Rule);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated")]
    [InlineData("X-Autoreply: yes")]
    public void AMemberAutoReplyIsNotDistributed(string header)
    {
        var decision = Decide(TestLists.Bayern(), "erika@example.org", "From: Erika <erika@example.org>", header);

        Assert.Equal(Disposition.Discard, decision.Disposition);
        Assert.Equal("auto-reply", decision.Rule);
    }

    [Fact]
    public void AutoSubmittedNoIsAPersonsPost()
    {
        var decision = Decide(TestLists.Bayern(), "erika@example.org", "From: Erika <erika@example.org>", "Auto-Submitted: no");

        Assert.Equal(Disposition.Accept, decision.Disposition);
    }

    [Theory]
    [InlineData("List-Id: Integreat Bayern <bayern.lists.integreat.example>")]
    [InlineData("List-Id: <Bayern.Lists.Integreat.Example>")]
    [InlineData("X-BeenThere: bayern@lists.integreat.example")]
    [InlineData("X-BeenThere:  Bayern@Lists.Integreat.Example ")]
    public void AMessageThatWentThroughThisListIsALoopEvenFromAMember(string marker)
    {
        var decision = Decide(TestLists.Bayern(l => l.NonmemberAction = NonmemberAction.Accept), "erika@example.org",
            "From: erika@example.org", marker);

        Assert.Equal(Disposition.Discard, decision.Disposition);
        Assert.Equal("loop", decision.Rule);
    }

    [Theory]
    [InlineData("List-Id: Integreat Hessen <hessen.lists.integreat.example>")]
    [InlineData("List-Id: Bayern anderswo <bayern.lists.other.example>")]
    [InlineData("List-Id: <xbayern.lists.integreat.example>")]
    [InlineData("X-BeenThere: hessen@lists.integreat.example")]
    [InlineData("X-BeenThere: bayern@lists.integreat.example.org")]
    public void AnotherListsMarkersAreNoLoop(string marker)
    {
        var decision = Decide(TestLists.Bayern(), "erika@example.org", "From: erika@example.org", marker);

        Assert.Equal(Disposition.Accept, decision.Disposition);
        Assert.Equal("accept", decision.Rule);
    }
}
