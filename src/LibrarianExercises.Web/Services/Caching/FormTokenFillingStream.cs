using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>
/// A page's body on its way out: passed through to the response as it is written, each form-token marker replaced
/// with that visitor's tokens. Nothing is held but a marker cut between two writes, so a page is copied once, as a
/// file is, however large it is.
/// </summary>
/// <param name="destination">The response's own writer, under this stream.</param>
/// <param name="start">
/// Called once, before the first byte goes out (headers can still change): the page's fillings, or null when the page
/// has no marker to fill.
/// </param>
internal sealed class FormTokenFillingStream(PipeWriter destination, Func<FormTokenFillings?> start) : Stream
{
    private static ReadOnlySpan<byte> MarkerStart => "<!--form-tokens:"u8;

    private static ReadOnlySpan<byte> MarkerEnd => "-->"u8;

    private static ReadOnlySpan<byte> AntiforgeryOnlyEnd => ":antiforgery-->"u8;

    private const int MaximumDigits = 5;

    /// <summary>The longest marker: enough bytes to decide whether what starts like a marker is one.</summary>
    internal const int MaximumMarkerLength = 16 + MaximumDigits + 15;

    private readonly byte[] _carry = new byte[MaximumMarkerLength];
    private int _carryLength;
    private bool _started;
    private FormTokenFillings? _fillings;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <summary>Writing only copies into the response's buffer; sending is left to the flush.</summary>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Start();
        if (_fillings is null)
        {
            destination.Write(buffer);
            return;
        }

        while (!buffer.IsEmpty)
        {
            if (_carryLength > 0)
            {
                buffer = ResolveCarry(buffer);
                continue;
            }

            var found = buffer.IndexOf(MarkerStart);
            if (found < 0)
            {
                // The start of a marker may be cut at the end of this write.
                var cut = CutMarkerStart(buffer);
                destination.Write(buffer[..cut]);
                Carry(buffer[cut..]);
                return;
            }

            destination.Write(buffer[..found]);
            var rest = buffer[found..];
            switch (Read(rest, out var length, out var hole))
            {
                case Reading.Marker:
                    WriteFilling(rest[..length], hole);
                    buffer = rest[length..];
                    break;
                case Reading.Cut:
                    Carry(rest);
                    return;
                default:
                    destination.Write(rest[..1]);
                    buffer = rest[1..];
                    break;
            }
        }
    }

    public override void Flush() => throw new NotSupportedException("The response is flushed asynchronously.");

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        Start();
        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>Whether anything was written (or flushed): the response's headers are then settled.</summary>
    public bool Started => _started;

    /// <summary>After the page's last write: a marker cut short at the very end goes out as it was, and the rest is sent.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            return;
        }

        if (_carryLength > 0)
        {
            destination.Write(_carry.AsSpan(0, _carryLength));
            _carryLength = 0;
        }

        await destination.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Start()
    {
        if (!_started)
        {
            _started = true;
            _fillings = start();
        }
    }

    /// <summary>Decides the held start of a marker with the bytes that follow it; returns what is left of them.</summary>
    private ReadOnlySpan<byte> ResolveCarry(ReadOnlySpan<byte> buffer)
    {
        var taken = Math.Min(buffer.Length, MaximumMarkerLength - _carryLength);
        buffer[..taken].CopyTo(_carry.AsSpan(_carryLength));
        var joined = _carry.AsSpan(0, _carryLength + taken);
        switch (Read(joined, out var length, out var hole))
        {
            case Reading.Marker:
                var fromBuffer = length - _carryLength;
                WriteFilling(joined[..length], hole);
                _carryLength = 0;
                return buffer[fromBuffer..];
            case Reading.Cut:
                // Still undecided, so the whole of this write went into the carry (a full marker's length decides).
                _carryLength += taken;
                return [];
            default:
                // Not a marker. None can start inside the held bytes either (a marker's only '<' is its first byte),
                // so they go out as they were, and the write is read on from its start.
                destination.Write(_carry.AsSpan(0, _carryLength));
                _carryLength = 0;
                return buffer;
        }
    }

    private void Carry(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_carry);
        _carryLength = bytes.Length;
    }

    private void WriteFilling(ReadOnlySpan<byte> marker, FormTokenHole hole)
    {
        if (_fillings!.TryTake(hole, out var filling))
        {
            destination.Write(filling);
        }
        else
        {
            // A marker the page did not announce is not filled: the response's length counted it as it is.
            destination.Write(marker);
        }
    }

    /// <summary>Where a marker's start, cut by the end of the write, begins; the write's length when none is.</summary>
    private static int CutMarkerStart(ReadOnlySpan<byte> buffer)
    {
        var from = Math.Max(0, buffer.Length - (MarkerStart.Length - 1));
        // A marker's only '<' is its first byte, so only the last one can begin a cut marker.
        var last = buffer[from..].LastIndexOf((byte)'<');
        return last >= 0 && MarkerStart.StartsWith(buffer[(from + last)..]) ? from + last : buffer.Length;
    }

    internal enum Reading
    {
        NotAMarker,
        Marker,
        Cut,
    }

    /// <summary>Reads the bytes at the start of <paramref name="text"/> as a marker, or says that they are cut too soon to tell.</summary>
    internal static Reading Read(ReadOnlySpan<byte> text, out int length, out FormTokenHole hole)
    {
        length = 0;
        hole = default;
        if (text.Length < MarkerStart.Length)
        {
            return MarkerStart.StartsWith(text) ? Reading.Cut : Reading.NotAMarker;
        }

        if (!text.StartsWith(MarkerStart))
        {
            return Reading.NotAMarker;
        }

        var rest = text[MarkerStart.Length..];
        var digits = 0;
        while (digits < rest.Length && digits <= MaximumDigits && char.IsAsciiDigit((char)rest[digits]))
        {
            digits++;
        }

        if (digits == rest.Length && digits <= MaximumDigits)
        {
            return Reading.Cut;
        }

        if (digits is 0 or > MaximumDigits
            || !int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Reading.NotAMarker;
        }

        var after = rest[digits..];
        if (after.StartsWith(MarkerEnd) || after.StartsWith(AntiforgeryOnlyEnd))
        {
            var antiforgeryOnly = after[0] == (byte)':';
            length = MarkerStart.Length + digits + (antiforgeryOnly ? AntiforgeryOnlyEnd.Length : MarkerEnd.Length);
            hole = new FormTokenHole(number, antiforgeryOnly);
            return Reading.Marker;
        }

        return MarkerEnd.StartsWith(after) || AntiforgeryOnlyEnd.StartsWith(after) ? Reading.Cut : Reading.NotAMarker;
    }
}

/// <summary>One place in a page where a response form's tokens go.</summary>
/// <param name="ExerciseNumber">The exercise the form posts to, for a new form token.</param>
/// <param name="AntiforgeryOnly">The page carries its form token already (a refused form keeps the one it was sent with).</param>
public readonly record struct FormTokenHole(int ExerciseNumber, bool AntiforgeryOnly)
{
    /// <summary>What a view writes where the tokens go.</summary>
    public string Marker => string.Create(
        CultureInfo.InvariantCulture,
        $"<!--form-tokens:{ExerciseNumber}{(AntiforgeryOnly ? ":antiforgery" : "")}-->");
}

/// <summary>This visitor's tokens for each of a page's holes, each filling used once.</summary>
internal sealed class FormTokenFillings(List<(FormTokenHole Hole, byte[] Filling)> fillings)
{
    public bool TryTake(FormTokenHole hole, out byte[] filling)
    {
        var index = fillings.FindIndex(entry => entry.Hole == hole);
        if (index < 0)
        {
            filling = [];
            return false;
        }

        filling = fillings[index].Filling;
        fillings.RemoveAt(index);
        return true;
    }
}
