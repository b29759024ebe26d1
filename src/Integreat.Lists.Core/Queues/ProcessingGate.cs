namespace Integreat.Lists.Core.Queues;

/// <summary>Lets the runners work while no one holds the gate closed, and lets a backup close it: it waits until
/// every unit of work in progress (one spool entry, one delivery attempt, one maintenance pass) has finished, and
/// new ones wait until it reopens. So the store and the spool are copied between units of work, never inside one.</summary>
/// <remarks>SMTP intake does not pass the gate: it only adds whole files to the <c>in</c> queue.</remarks>
public sealed class ProcessingGate
{
    readonly object _lock = new();
    int _active;
    TaskCompletionSource _open = Opened();
    TaskCompletionSource? _idle;

    /// <summary>Enters for one unit of work, waiting while the gate is closed; dispose to leave.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_open.Task.IsCompleted)
                {
                    _active++;
                    return new Pass(this);
                }
                wait = _open.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Enters synchronously (for runners whose work is synchronous).</summary>
    public IDisposable Enter() => EnterAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Closes the gate and waits until no work is in progress; dispose the result to reopen.</summary>
    public async Task<IDisposable> CloseAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_lock)
        {
            if (!_open.Task.IsCompleted) throw new InvalidOperationException("the gate is already closed");
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_active == 0) _idle.TrySetResult();
            idle = _idle.Task;
        }
        var closed = new Closed(this);
        try
        {
            await idle.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            closed.Dispose();
            throw;
        }
        return closed;
    }

    void Leave()
    {
        lock (_lock)
        {
            if (--_active == 0) _idle?.TrySetResult();
        }
    }

    void Reopen()
    {
        lock (_lock)
        {
            _idle = null;
            _open.TrySetResult();
        }
    }

    static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    sealed class Pass(ProcessingGate gate) : IDisposable
    {
        int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) gate.Leave();
        }
    }

    sealed class Closed(ProcessingGate gate) : IDisposable
    {
        int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Reopen();
        }
    }
}
