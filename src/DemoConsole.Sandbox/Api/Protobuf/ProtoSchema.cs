namespace DemoConsole.Sandbox.Api.Protobuf;

/// <summary>How a field's wire value becomes JSON (Kubernetes' own types: Time, Quantity, IntOrString, maps).</summary>
internal enum ProtoKind
{
    String,
    Bytes,
    Int32,
    Int64,
    Bool,
    Message,
    Time,
    Quantity,
    IntOrString,
    StringMap,
    BytesMap,
    QuantityMap,
}

/// <summary>
/// One field of a Kubernetes message: its number in generated.proto and its JSON name. Go writes every non-pointer
/// field, zero or not, and its JSON drops zero values marked omitempty; <see cref="KeepZero"/> marks the pointer
/// fields (replicas, immutable…) whose zero is a real value. <see cref="Inline"/> is an embedded Go struct whose
/// fields JSON flattens into the parent (a ProbeHandler in a Probe).
/// </summary>
internal sealed record ProtoField(int Number, string Name, ProtoKind Kind, ProtoMessage? Message = null, bool Repeated = false, bool KeepZero = false, bool Inline = false);

/// <summary>A message: the fields the sandbox reads. Fields not listed are skipped, as protobuf readers do.</summary>
internal sealed class ProtoMessage(string name, params ProtoField[] fields)
{
    public string Name { get; } = name;

    public IReadOnlyDictionary<int, ProtoField> Fields { get; } = fields.ToDictionary(f => f.Number);

    public static ProtoField Str(int number, string name, bool keepZero = false) => new(number, name, ProtoKind.String, KeepZero: keepZero);

    public static ProtoField Strs(int number, string name) => new(number, name, ProtoKind.String, Repeated: true);

    public static ProtoField Int(int number, string name, bool keepZero = false) => new(number, name, ProtoKind.Int32, KeepZero: keepZero);

    public static ProtoField Long(int number, string name, bool keepZero = false) => new(number, name, ProtoKind.Int64, KeepZero: keepZero);

    public static ProtoField Bool(int number, string name, bool keepZero = false) => new(number, name, ProtoKind.Bool, KeepZero: keepZero);

    public static ProtoField Msg(int number, string name, ProtoMessage message) => new(number, name, ProtoKind.Message, message);

    public static ProtoField Msgs(int number, string name, ProtoMessage message) => new(number, name, ProtoKind.Message, message, Repeated: true);

    public static ProtoField Inlined(int number, ProtoMessage message) => new(number, "", ProtoKind.Message, message, Inline: true);

    public static ProtoField Of(int number, string name, ProtoKind kind) => new(number, name, kind);
}
