using Integreat.Lists.Core.Handlers;

namespace Integreat.Lists.Core.Tests.Handlers;

public sealed class SubjectPrefixLinearTests
{
    [Fact]
    public void AHugeRunOfReplyMarkersCollapsesToOne()
    {
        // 1.2 MB of "Re:" took minutes with the old, copying loop; it must stay linear.
        var subject = string.Concat(Enumerable.Repeat("Re: [Bayern] ", 100_000)) + "Treffen";

        Assert.Equal("[Bayern] Re: Treffen", SubjectPrefix.Apply("[Bayern]", subject));
    }
}
