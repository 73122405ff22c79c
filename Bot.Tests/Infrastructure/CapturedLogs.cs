using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry, so tests can assert EventIds and that no personal data was logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public int Count(int eventId) => _entries.Count(e => e.EventId.Id == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message);

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception)));
    }
}
