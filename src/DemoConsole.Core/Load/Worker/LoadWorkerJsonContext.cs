using System.Text.Json;
using System.Text.Json.Serialization;

namespace DemoConsole.Core.Load.Worker;

/// <summary>
/// The worker protocol's JSON, generated at build time: neither the worker nor the console builds serializers by
/// reflection and compiles them while a burst runs (a worker is a new process for every burst).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(LoadWorkerRequest))]
[JsonSerializable(typeof(LoadWorkerMessage))]
internal sealed partial class LoadWorkerJsonContext : JsonSerializerContext;
