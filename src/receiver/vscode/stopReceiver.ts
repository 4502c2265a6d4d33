import type { ReceiverController } from './receiverController';
import { nt } from '../../core/text/nativeText';
import { showInfo } from '../../nativeUi/surfaces';

export const STOP_RECEIVER_COMMAND = 'agentTrace.stopReceiver';

/** "Agent Trace: Stop Local Receiver": stops it (the store is flushed; received traces stay listed on the next start). */
export async function stopReceiver(receiver: ReceiverController): Promise<void> {
  if (!receiver.running) {
    void showInfo(nt`The Agent Trace receiver is not running.`);
    return;
  }
  await receiver.stop();
  void showInfo(nt`Agent Trace receiver stopped.`);
}
