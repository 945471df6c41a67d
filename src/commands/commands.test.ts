type Handler = (event: Office.AddinCommands.Event) => Promise<void>;

describe("commands (function file)", () => {
  const associate = jest.fn<void, [string, Handler]>();
  let checkTargets: Handler;

  beforeAll(async () => {
    // A minimal stand-in for office.js: ready at once, records associations.
    (globalThis as unknown as { Office: unknown }).Office = {
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      actions: { associate },
    };
    const commands = await import("./commands");
    checkTargets = commands.checkTargets;
    await new Promise((resolve) => setImmediate(resolve));
  });

  afterAll(() => {
    delete (globalThis as unknown as { Office?: unknown }).Office;
  });

  it("registers checkTargets with Office after onReady", () => {
    expect(associate).toHaveBeenCalledTimes(1);
    expect(associate).toHaveBeenCalledWith("checkTargets", checkTargets);
  });

  it("always completes the ribbon event", async () => {
    const completed = jest.fn();
    await checkTargets({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
