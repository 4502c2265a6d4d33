/**
 * Copies text with the async Clipboard API. VS Code webviews allow clipboard writes from a user
 * gesture; if the browser refuses, the caller shows that the copy failed instead of pretending.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
