using System.Runtime.InteropServices;
using System.Diagnostics;

namespace Integreat.Lists.Bench;

/// <summary>Samples <see cref="Environment.WorkingSet"/> and <see cref="GC.GetTotalMemory"/> every 50 ms on a thread
/// of its own (not the thread pool, which the daemon keeps busy), keeping the peaks.</summary>
sealed class MemorySampler : IDisposable
{
    readonly Thread _thread;
    readonly ManualResetEventSlim _stop = new();
    long _peakWorkingSet;
    long _peakGcHeap;
    int _samples;

    public MemorySampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);
    public long PeakGcHeap => Interlocked.Read(ref _peakGcHeap);
    public int Samples => Volatile.Read(ref _samples);

    void Run()
    {
        do
        {
            Sample();
        }
        while (!_stop.Wait(50));
        Sample();
    }

    void Sample()
    {
        Max(ref _peakWorkingSet, Environment.WorkingSet);
        Max(ref _peakGcHeap, GC.GetTotalMemory(forceFullCollection: false));
        Interlocked.Increment(ref _samples);
    }

    static void Max(ref long peak, long value)
    {
        if (value > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, value);
    }

    public void Stop()
    {
        _stop.Set();
        _thread.Join();
    }

    public void Dispose()
    {
        if (!_stop.IsSet) Stop();
        _stop.Dispose();
    }

    /// <summary>Resets the kernel's peak RSS (VmHWM, what <see cref="Process.PeakWorkingSet64"/> reads) to the current
    /// RSS by writing 5 to <c>/proc/self/clear_refs</c> (Linux ≥ 4.0), so the peak covers only what follows.</summary>
    public static bool TryResetKernelPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long KernelPeak()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}

/// <summary>The whole machine's busy CPU time from <c>/proc/stat</c> (user, nice, system, irq, softirq, steal), to tell
/// how much CPU other processes took during a measurement.</summary>
static class MachineCpu
{
    public static TimeSpan Busy()
    {
        try
        {
            var first = File.ReadLines("/proc/stat").First();
            var fields = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal; USER_HZ is 100 on Linux.
            var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
            return TimeSpan.FromSeconds(busy / 100.0);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }
}

/// <summary>CPU time of this process's terminated, waited-for children (<c>getrusage(RUSAGE_CHILDREN)</c>): how the
/// ceiling run accounts for smtp-source.</summary>
static class ChildrenCpu
{
    [StructLayout(LayoutKind.Sequential)]
    struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVCsw, NIvCsw;
    }

    [DllImport("libc", SetLastError = true)]
    static extern int getrusage(int who, out RUsage usage);

    public static TimeSpan Used()
    {
        try
        {
            if (getrusage(-1, out var usage) != 0) return TimeSpan.Zero;
            return TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1e6);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return TimeSpan.Zero;
        }
    }
}
