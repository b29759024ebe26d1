using Integreat.Lists.Core.Authentication;
using Integreat.Lists.Core.Dmarc;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Posting.Chains;
using Integreat.Lists.Core.Posting.Rules;
using Integreat.Lists.Core.Tests.Support;

namespace Integreat.Lists.Core.Tests.Posting.Rules;

/// <summary>Rule <c>dmarc-fail</c>: a member's post that failed DMARC under <c>p=reject</c> is held or rejected per list,
/// before membership could let it through; other DMARC outcomes change nothing.</summary>
public sealed class DmarcFailRuleTests
{
    static AuthenticationVerdict Verdict(AuthResult result, DmarcPolicy? policy)
        => new("lists.integreat.example", [], null, new DmarcCheck(result, "example.org", policy));

    static PostingDecision Run(AuthenticationVerdict? verdict, DmarcFailAction action = DmarcFailAction.Hold)
    {
        var list = TestLists.Bayern();
        list.Posting.DmarcFail = action;
        var post = Posts.Make(list, []);
        return ChainProcessor.Process(DefaultPostingChain.Links, new PostingContext
        {
            List = post.List, Headers = post.Headers, EnvelopeSender = post.EnvelopeSender, Senders = post.Senders,
            FindMember = post.FindMember, Authentication = verdict,
        });
    }

    [Theory]
    [InlineData(DmarcFailAction.Hold, Disposition.Hold)]
    [InlineData(DmarcFailAction.Reject, Disposition.Reject)]
    public void AForgedMemberPostIsStoppedWithAReadableReason(DmarcFailAction action, Disposition expected)
    {
        var decision = Run(Verdict(AuthResult.Fail, DmarcPolicy.Reject), action);

        Assert.Equal((expected, "dmarc-fail"), (decision.Disposition, decision.Rule));
        Assert.Contains("p=reject", Assert.Single(decision.Reasons));
        Assert.Contains("example.org", decision.Reasons[0]);
    }

    [Theory]
    [InlineData(AuthResult.Fail, DmarcPolicy.Quarantine)]
    [InlineData(AuthResult.Fail, DmarcPolicy.None)]
    [InlineData(AuthResult.Pass, DmarcPolicy.Reject)]
    [InlineData(AuthResult.TempError, null)]
    [InlineData(AuthResult.None, null)]
    public void OtherOutcomesLetTheMemberPostThrough(AuthResult result, DmarcPolicy? policy)
        => Assert.Equal(Disposition.Accept, Run(Verdict(result, policy)).Disposition);

    [Fact]
    public void AcceptAndNoVerdictLetItThrough()
    {
        Assert.Equal(Disposition.Accept, Run(Verdict(AuthResult.Fail, DmarcPolicy.Reject), DmarcFailAction.Accept).Disposition);
        Assert.Equal(Disposition.Accept, Run(null).Disposition);
    }
}
