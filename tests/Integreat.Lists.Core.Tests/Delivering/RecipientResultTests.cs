using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Tests.Delivering;

public sealed class RecipientResultTests
{
    [Theory]
    [InlineData(550, "5.1.1 no such user", "5.1.1")]
    [InlineData(550, "  5.1.1 <erika@example.org>: Recipient address rejected", "5.1.1")]
    [InlineData(552, "5.2.2 mailbox full", "5.2.2")]
    [InlineData(451, "4.7.1 greylisted, try again later", "4.7.1")]
    [InlineData(250, "2.0.0 Ok: queued as 4ABC123", "2.0.0")]
    [InlineData(550, "5.7.520 Access denied", "5.7.520")]
    public void TakesTheEnhancedCodeFromTheReply(int code, string reply, string dsn)
    {
        Assert.Equal(dsn, new RecipientResult("erika@example.org", code, reply).Dsn);
    }

    [Theory]
    [InlineData(451, "Requested action aborted: local error", "4.0.0")]
    [InlineData(550, "no such user", "5.0.0")]
    [InlineData(250, "Ok", "2.0.0")]
    [InlineData(421, "", "4.0.0")]
    [InlineData(550, "5.1 no such user", "5.0.0")]
    [InlineData(550, "5.x.1 no such user", "5.0.0")]
    public void DerivesTheCodeWhenTheReplyHasNone(int code, string reply, string dsn)
    {
        Assert.Equal(dsn, new RecipientResult("erika@example.org", code, reply).Dsn);
    }

    [Theory]
    [InlineData(550, "2.0.0 Ok", "5.0.0")]
    [InlineData(451, "5.1.1 no such user", "4.0.0")]
    [InlineData(250, "4.2.0 later", "2.0.0")]
    public void AnEnhancedCodeOfAnotherClassIsIgnored(int code, string reply, string dsn)
    {
        Assert.Equal(dsn, new RecipientResult("erika@example.org", code, reply).Dsn);
    }

    [Theory]
    [InlineData(250, true, false)]
    [InlineData(251, true, false)]
    [InlineData(421, false, false)]
    [InlineData(451, false, false)]
    [InlineData(550, false, true)]
    [InlineData(554, false, true)]
    public void ClassifiesTheReplyCode(int code, bool delivered, bool permanent)
    {
        var result = new RecipientResult("erika@example.org", code, "");

        Assert.Equal(delivered, result.Delivered);
        Assert.Equal(permanent, result.Permanent);
    }
}
