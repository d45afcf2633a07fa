import { describe, expect, it, vi } from 'vitest';
import { stockRoom } from './stock-room.js';

describe('example: the stock room', () => {
  it('orders within budget, stocks the lots, uses them first-expired-first-out and quarantines on an excursion', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const lines = await stockRoom();
      expect(lines[0]).toMatch(/^PurchaseOrder-po-1: POApproved/);
      expect(lines[1]).toMatch(/^PurchaseOrder-po-1: POReceived/);
      expect(lines[2]).toBe('vaccines spent: 36000 cents');
      expect(lines[3]).toMatch(/^Stock-flu-vax-fridge-1: StockConsumed/);
      expect(lines[4]).toMatch(/^refused \(InsufficientStock\)/);
      expect(lines[5]).toMatch(/^StorageUnit-fridge-1: TemperatureChecked, TemperatureExcursionDetected/);
      // 12 used: all 10 of SOON (expires first), then 2 of LATE; both lots are now quarantined.
      expect(lines.slice(6, 8).sort()).toEqual(['lot LATE: 8 left, quarantined', 'lot SOON: 0 left']);
      expect(lines.slice(8)).toEqual([expect.stringMatching(/^reorder Influenza vaccine: \d+ doses/)]);
    } finally {
      log.mockRestore();
    }
  });
});
