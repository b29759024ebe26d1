using Integreat.Lists.Core.Queues;

namespace Integreat.Lists.Core.Tests.Queues;

public sealed class ProcessingGateTests
{
    [Fact]
    public async Task Close_waits_for_the_work_in_progress_and_new_work_waits_for_the_reopening()
    {
        var gate = new ProcessingGate();
        var pass = await gate.EnterAsync(CancellationToken.None);

        var closing = gate.CloseAsync(CancellationToken.None);
        Assert.False(closing.IsCompleted);
        var entering = gate.EnterAsync(CancellationToken.None);
        pass.Dispose();
        var closed = await closing;
        Assert.False(entering.IsCompleted);

        closed.Dispose();
        (await entering).Dispose();
    }

    [Fact]
    public async Task A_cancelled_close_reopens_the_gate()
    {
        var gate = new ProcessingGate();
        using var pass = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var closing = gate.CloseAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => closing);
        (await gate.EnterAsync(CancellationToken.None)).Dispose();
    }
}
