using System;
using System.IO;
using System.Text.Json;

namespace PerfAnalyzers.Report.Sarif;

/// <summary>
/// Token-by-token JSON over a stream with a bounded buffer: SARIF logs can be hundreds of megabytes, so only one
/// value (a result, the tool section) is materialised at a time. Line numbers carry across buffer refills.
/// </summary>
internal sealed class StreamingJsonReader
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private int _tokenStart;
    private JsonReaderState _tokenState;

    public StreamingJsonReader(Stream stream)
    {
        _stream = stream;
        _state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>Current buffer size: stays near the size of the largest single value, never the file's.</summary>
    public int BufferSize => _buffer.Length;

    public int Depth { get; private set; }

    public string? StringValue { get; private set; }

    /// <summary>Moves to the next token; false at the end of the document.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            var beforeState = _state;
            if (reader.Read())
            {
                _tokenStart = _start;
                _tokenState = beforeState;
                TokenType = reader.TokenType;
                Depth = reader.CurrentDepth;
                StringValue = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? reader.GetString() : null;
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }

            if (_final)
            {
                return false;
            }

            Fill(_start);
        }
    }

    /// <summary>Materialises the value whose first token was just read (object, array or scalar) and moves past it.</summary>
    public JsonDocument ReadValue()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_tokenStart, _end - _tokenStart), _final, _tokenState);
            reader.Read();
            var probe = reader;
            if (probe.TrySkip())
            {
                var document = JsonDocument.ParseValue(ref reader);
                _start = _tokenStart + (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return document;
            }

            if (_final)
            {
                // TrySkip on a final block throws for incomplete input; reaching here means nothing more can arrive.
                throw new JsonException("The JSON value is incomplete (the file is truncated).");
            }

            Fill(_tokenStart);
        }
    }

    /// <summary>Skips the value whose first token was just read, without materialising it.</summary>
    public void SkipValue()
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = Depth;
        while (Read())
        {
            if (Depth == depth && TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                return;
            }
        }
    }

    /// <summary>Keeps bytes from <paramref name="keepFrom"/> on, growing the buffer when one value does not fit.</summary>
    private void Fill(int keepFrom)
    {
        var kept = _end - keepFrom;
        if (keepFrom > 0)
        {
            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, kept);
            _tokenStart -= keepFrom;
            _start -= keepFrom;
            _end = kept;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
        }

        _end += read;
    }
}
