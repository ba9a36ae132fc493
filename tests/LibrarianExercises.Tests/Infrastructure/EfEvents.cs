using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>
/// Hands each of EF's diagnostic events (name and payload) to a callback while this lives: for tests that count or
/// read what the site does with its database. EF keeps for a second its finding that nobody listens to an event, so a
/// test that must see every command subscribes before the site starts.
/// </summary>
public sealed class EfEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Action<string, object?> _onEvent;
    private readonly IDisposable _all;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];

    public EfEvents(Action<string, object?> onEvent)
    {
        _onEvent = onEvent;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value) => _onEvent(value.Key, value.Value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
