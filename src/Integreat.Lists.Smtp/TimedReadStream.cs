using System.Diagnostics;

namespace Integreat.Lists.Smtp;

/// <summary>Reads that end the stream (return 0) once no byte has come for <see cref="SessionLimits.Idle"/>, or once
/// the session is older than <see cref="SessionLimits.Session"/>, after calling <paramref name="timedOut"/>.</summary>
/// <remarks>Each read has its own deadline, so the idle limit also holds inside DATA, where SmtpServer's command
/// timeout does not apply (LIBRARIES.md §1.2).</remarks>
public sealed class TimedReadStream(Stream inner, SessionLimits limits, long startedTimestamp, Func<ValueTask> timedOut) : ReadOnlyStream
{
    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var left = limits.Session - Stopwatch.GetElapsedTime(startedTimestamp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(left < limits.Idle ? left > TimeSpan.Zero ? left : TimeSpan.Zero : limits.Idle);
        try
        {
            return await inner.ReadAsync(buffer, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await timedOut().ConfigureAwait(false);
            return 0;
        }
    }
}
