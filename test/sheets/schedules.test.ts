import { SHEETS_SCHEDULES } from "../../sheets-addon/schedules";

describe("Sheets scheduled refresh choices", () => {
  it("offers nothing more often than hourly (add-on triggers)", () => {
    expect(SHEETS_SCHEDULES).not.toContain("15min");
    for (const s of SHEETS_SCHEDULES) expect(s).toMatch(/^(off|hourly|daily@([0-9]|1[0-9]|2[0-3])|weekly@([0-9]|1[0-9]|2[0-3]))$/);
  });
});
