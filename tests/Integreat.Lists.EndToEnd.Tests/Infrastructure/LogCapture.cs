using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.EndToEnd.Tests.Infrastructure;

/// <summary>Keeps the formatted log lines of one category prefix, for tests that assert what an operator reads.</summary>
public sealed class LogCapture(string categoryPrefix) : ILoggerProvider
{
    readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lines so far, as "Level: message".</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    /// <summary>Registers the capture at level Information for this provider alone (TestDaemon keeps the console at
    /// warnings).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Information, null)));
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName)
        => categoryName.StartsWith(categoryPrefix, StringComparison.Ordinal) ? new Logger(_lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <inheritdoc/>
    public void Dispose() { }

    sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
