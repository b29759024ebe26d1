using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting.Rules;
using Integreat.Lists.Core.Tests.Posting.Rules;
using Integreat.Lists.Core.Tests.Support;

namespace Integreat.Lists.Core.Tests.Content;

public sealed class ContentFilterRuleTests
{
    static readonly string[] ExeAttached =
        ["MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b"];

    const string ExeBody = "--b\nContent-Type: text/plain\n\nAnbei.\n--b\nContent-Type: application/octet-stream; name=setup.exe\n" +
                           "Content-Transfer-Encoding: base64\n\nTVqQ\n--b--";

    [Fact]
    public void HoldingListsHoldAPostWithAProgramAndSayWhichPart()
    {
        var post = Posts.Make(TestLists.Bayern(l => l.Content.FilterAction = ContentFilterAction.Hold), ExeAttached, ExeBody);

        Assert.True(new ContentFilterRule().Check(post));
        Assert.Contains("„setup.exe“ (application/octet-stream)", Assert.Single(post.Reasons));
    }

    [Fact]
    public void StrippingListsLetThePostThroughToTheContentPipeline()
        => Assert.False(new ContentFilterRule().Check(Posts.Make(TestLists.Bayern(), ExeAttached, ExeBody)));

    [Fact]
    public void AStrippingListHoldsASignedPostWithAProgramBecauseStrippingWouldBreakTheSignature()
    {
        string[] signed = ["MIME-Version: 1.0", "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=s"];
        var body = "--s\nContent-Type: multipart/mixed; boundary=b\n\n" + ExeBody + "\n--s\nContent-Type: application/pgp-signature\n\nsig\n--s--";

        Assert.True(new ContentFilterRule().Check(Posts.Make(TestLists.Bayern(), signed, body)));
    }

    [Fact]
    public void APostWithoutBlockedPartsPasses()
        => Assert.False(new ContentFilterRule().Check(Posts.Make(TestLists.Bayern(l => l.Content.FilterAction = ContentFilterAction.Hold), [])));
}
